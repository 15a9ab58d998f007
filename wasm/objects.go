//go:build js && wasm

package main

import (
	"github.com/gotrue-wasm/gotrue-wasm/gotrue/browser"
	"github.com/hack-pad/safejs"
)

// The page's objects as the core's flows reach them. Every read, write and
// call goes through the glue's ops, which do it as a JavaScript expression
// does (o[k], o[k] = v, delete o[k]): getters, setters and Proxies run, and
// what they throw, or the TypeError of a read of undefined, is what page
// code gets.

// get is o[key].
func get(o safejs.Value, key string) (safejs.Value, error) {
	v, err := glue.get.Invoke(o, jsName(key))
	return v, thrownError(err)
}

// set is o[key] = v.
func set(o safejs.Value, key string, v any) error {
	_, err := glue.set.Invoke(o, jsName(key), v)
	return thrownError(err)
}

// del is delete o[key].
func del(o safejs.Value, key string) error {
	_, err := glue.del.Invoke(o, jsName(key))
	return thrownError(err)
}

// str is `${v}`: the TypeError of a Symbol, and what a toString throws.
func str(v safejs.Value) (string, error) {
	if typeOf(v) == safejs.TypeString {
		return v.String()
	}
	s, err := glue.str.Invoke(v)
	if err != nil {
		return "", thrownError(err)
	}
	return s.String()
}

// step reads o[key], a step of a flow, and reports whether it is the
// library's own (pristine), which Go then runs itself.
func step(o safejs.Value, key string, pristine safejs.Value) (safejs.Value, bool, error) {
	f, err := get(o, key)
	if err != nil {
		return f, false, err
	}
	return f, f.Equal(pristine), nil
}

// callStep calls f, the step o[key] named expr in gotrue-js's code, on o,
// and waits for what it returns: a TypeError naming expr when f is not a
// function.
func callStep(f, o safejs.Value, expr string, args ...any) (safejs.Value, error) {
	p, err := apply(f, o, expr, args...)
	if err != nil {
		return p, err
	}
	return await(p)
}

// apply calls f on o with args, a TypeError naming expr when f is not a
// function.
func apply(f, o safejs.Value, expr string, args ...any) (safejs.Value, error) {
	v, err := glue.apply.Invoke(append([]any{f, o, jsName(expr)}, args...)...)
	return v, thrownError(err)
}

// method is o[key](...args), the call named expr in gotrue-js's code: the
// step read, then called on o.
func method(o safejs.Value, key, expr string, args ...any) (safejs.Value, error) {
	f, err := get(o, key)
	if err != nil {
		return f, err
	}
	return apply(f, o, expr, args...)
}

// options is a request's options object.
type options struct{ v safejs.Value }

// Audience is String(options.audience) when it is truthy.
func (o options) Audience() (string, error) { return truthyString(o.v, "audience") }

// InitHeaders is options.headers = options.headers || {}.
func (o options) InitHeaders() error {
	h, err := get(o.v, "headers")
	if err == nil && !truthy(h) {
		h, err = newObject()
	}
	if err != nil {
		return thrownError(err)
	}
	return set(o.v, "headers", h)
}

// SetHeader is options.headers[name] = value.
func (o options) SetHeader(name, value string) error {
	h, err := get(o.v, "headers")
	if err != nil {
		return err
	}
	return set(h, name, value)
}

// HasBody is !!options.body.
func (o options) HasBody() (bool, error) {
	b, err := get(o.v, "body")
	return truthy(b), err
}

// callOptions is the options object of a request a flow composed, with
// only what the call gives: {method, headers, body, audience}.
func callOptions(c browser.Call) (options, error) {
	o, err := newObject()
	if err == nil && c.Method != "" {
		err = o.Set("method", c.Method)
	}
	if err == nil && len(c.Header) > 0 {
		var h safejs.Value
		if h, err = newObject(); err == nil {
			for _, f := range c.Header {
				if err = h.Set(f.Name, f.Value); err != nil {
					break
				}
			}
			if err == nil {
				err = o.Set("headers", h)
			}
		}
	}
	if err == nil && c.Body != nil {
		err = o.Set("body", string(c.Body))
	}
	if err == nil && c.Audience != "" {
		err = o.Set("audience", c.Audience)
	}
	return options{o}, err
}

// truthyString is String(o[key]) when it is truthy, else "".
func truthyString(o safejs.Value, key string) (string, error) {
	v, err := get(o, key)
	if err != nil || !truthy(v) {
		return "", err
	}
	return jsString(v), nil
}

// headers is the object API.headers returned.
type headers struct{ v safejs.Value }

// Del is delete headers[name].
func (h headers) Del(name string) error { return del(h.v, name) }
