//go:build js && wasm

package main

import (
	"github.com/gotrue-wasm/gotrue-wasm/gotrue/browser"
	"github.com/hack-pad/safejs"
)

// The three request methods of the page's objects, run by the core on
// them: API.request (browser.Send), GoTrue._request (ClientRequest) and
// User._request (UserRequest). Each resolves with an outcome: [true, value]
// or [false, error, unanswered], where unanswered says that the server gave
// no answer that settles the request (browser.Unanswered: D8).

// apiRequest is API.prototype.request: args are the API object, the path
// and the options.
func apiRequest(args []safejs.Value) (work, error) {
	a, path, opts := arg(args, 0), arg(args, 1), options{arg(args, 2)}
	return func(ctx browser.Context) (any, error) {
		p, err := str(path)
		if err != nil {
			return outcome(nil, err)
		}
		return outcome(browser.Send(ctx, apiState{a}, p, opts))
	}, nil
}

// clientRequest is GoTrue.prototype._request: args are the GoTrue, the
// path and the options.
func clientRequest(args []safejs.Value) (work, error) {
	c, path, opts := client{arg(args, 0)}, arg(args, 1), options{arg(args, 2)}
	return func(ctx browser.Context) (any, error) {
		p, err := str(path)
		if err != nil {
			return outcome(nil, err)
		}
		return outcome(shaped(browser.ClientRequest(ctx, c, p, opts)))
	}, nil
}

// userRequest is User.prototype._request: args are the User, the path and
// the options.
func userRequest(args []safejs.Value) (work, error) {
	u, path, opts := user{arg(args, 0)}, arg(args, 1), options{arg(args, 2)}
	return func(ctx browser.Context) (any, error) {
		p, err := str(path)
		if err != nil {
			return outcome(nil, err)
		}
		return outcome(shaped(browser.UserRequest(ctx, u, p, opts)))
	}, nil
}

// outcome is the outcome of a request's value or error.
func outcome(v any, err error) (any, error) {
	if err != nil {
		return failed(err), nil
	}
	js, err := toJS(v)
	if err != nil {
		return failed(err), nil
	}
	return []any{true, js}, nil
}

// toJS is a request's value in JavaScript: the page's own value, or the
// answer the core decoded, parsed.
func toJS(v any) (safejs.Value, error) {
	switch v := v.(type) {
	case safejs.Value:
		return v, nil
	case browser.RawJSON:
		p, err := jsJSON.Call("parse", string(v))
		return p, thrownError(err)
	}
	return safejs.Undefined(), nil
}

// shaped is a _request's result: an HTTP error of the core gets GoTrue's
// message (those of page code's steps got it from browser.Shape).
func shaped(v browser.Value, err error) (browser.Value, error) {
	if he, ok := err.(*browser.HTTPError); ok {
		err = gotrueError{he}
	}
	return v, err
}

// gotrueError is an HTTP error with GoTrue's message (HTTPError.Message),
// as gotrue-js's _request methods reject with it.
type gotrueError struct{ *browser.HTTPError }

// Unwrap is the HTTP error.
func (e gotrueError) Unwrap() error { return e.HTTPError }

// api is an API object as a flow reaches it: its request step.
type api struct{ v safejs.Value }

// Request is this.api.request(path, options): the core's Send when it is
// the library's own, else the page's, awaited.
func (a api) Request(ctx browser.Context, path string, opts browser.RequestOptions) (browser.Value, error) {
	f, own, err := step(a.v, "request", pristine.request)
	if err != nil {
		return nil, err
	}
	if own {
		return browser.Send(ctx, apiState(a), path, opts)
	}
	return callStep(f, a.v, "this.api.request", path, opts.(options).v)
}

// apiState is an API object as API.request reads it.
type apiState struct{ v safejs.Value }

// URL is `${this.apiURL}`.
func (a apiState) URL() (string, error) {
	v, err := get(a.v, "apiURL")
	if err != nil {
		return "", err
	}
	return str(v)
}

// SameOrigin is !!this._sameOrigin.
func (a apiState) SameOrigin() (bool, error) {
	v, err := get(a.v, "_sameOrigin")
	return truthy(v), err
}

// Headers is this.headers(options.headers || {}).
func (a apiState) Headers(opts browser.RequestOptions) (browser.HeaderSet, error) {
	h, err := get(opts.(options).v, "headers")
	if err == nil && !truthy(h) {
		h, err = newObject()
	}
	var f safejs.Value
	if err == nil {
		f, err = get(a.v, "headers")
	}
	if err == nil {
		h, err = apply(f, a.v, "this.headers", h)
	}
	return headers{h}, err
}

// Fetch is fetch(url, {...options, headers, credentials}), made by the
// glue with the fetch the page has then.
func (a apiState) Fetch(_ browser.Context, url string, opts browser.RequestOptions, h browser.HeaderSet, credentials string) (*browser.Response, error) {
	p, err := glue.fetch.Invoke(url, opts.(options).v, h.(headers).v, credentials)
	if err != nil {
		return nil, thrownError(err)
	}
	v, err := await(p)
	if err != nil {
		return nil, noAnswer(err)
	}
	return response(v)
}

// client is a GoTrue as its _request reaches it.
type client struct{ v safejs.Value }

// Audience is String(this.audience) when it is truthy.
func (c client) Audience() (string, error) { return truthyString(c.v, "audience") }

// Sender is this.api.
func (c client) Sender() (browser.Sender, error) {
	v, err := get(c.v, "api")
	return api{v}, err
}

// user is a User as its _request reaches it.
type user struct{ v safejs.Value }

// Audience is String(this.audience) when it is truthy.
func (u user) Audience() (string, error) { return truthyString(u.v, "audience") }

// JWT is `${await this.jwt()}`.
func (u user) JWT(browser.Context) (string, error) {
	f, err := get(u.v, "jwt")
	if err != nil {
		return "", err
	}
	v, err := callStep(f, u.v, "this.jwt")
	return jsString(v), err
}

// Sender is this.api.
func (u user) Sender() (browser.Sender, error) {
	v, err := get(u.v, "api")
	return api{v}, err
}
