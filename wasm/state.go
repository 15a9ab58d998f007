//go:build js && wasm

package main

import (
	"errors"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/hack-pad/safejs"
)

// The glue reads the objects' state when a method is called (the live
// state; the table at the top of js/src/glue.js says what each method
// reads) and hands it over in one crossing: a GoTrue object and its API's
// state, or a User object, its stored form, its expiry and its API's state.
// These build the core's values from it, with a flow that writes every
// change back to the objects.

var errBadState = errors.New("gotrue-wasm: internal error: the glue sent a malformed state")

// clientFrom reads a GoTrue method's first arguments: the GoTrue object,
// its API's state, its audience and setCookie. It returns the client, the
// flow that mirrors it, and the method's own arguments.
func clientFrom(args []safejs.Value) (*gotrue.Client, *flow, []safejs.Value, error) {
	f := newFlow(arg(args, 0))
	api, err := gotrue.Bindings.NewAPI([]byte(jsString(arg(args, 1))), fetchTransport{}, f)
	if err != nil {
		return nil, nil, nil, f.abandon(errBadState)
	}
	c := gotrue.Bindings.NewClient(realm, api, jsString(arg(args, 2)), truthy(arg(args, 3)))
	return c, f, rest(args, 4), nil
}

// userFrom reads a User method's first arguments: the User object, its
// stored form (_details as JSON), Number(token.expires_at) and its API's
// state. It returns the user, the flow that mirrors it, and the method's
// own arguments.
func userFrom(args []safejs.Value) (*gotrue.User, *flow, []safejs.Value, error) {
	f := newFlow(safejs.Undefined())
	api, err := gotrue.Bindings.NewAPI([]byte(jsString(arg(args, 3))), fetchTransport{}, f)
	if err != nil {
		return nil, nil, nil, f.abandon(errBadState)
	}
	exp, err := arg(args, 2).Float()
	if err != nil {
		return nil, nil, nil, f.abandon(errBadState)
	}
	u, err := gotrue.Bindings.RestoreUser(realm, api, []byte(jsString(arg(args, 1))), exp)
	if err != nil {
		return nil, nil, nil, f.abandon(errBadState)
	}
	f.users[u] = arg(args, 0)
	return u, f, rest(args, 4), nil
}

func rest(args []safejs.Value, from int) []safejs.Value { return args[min(from, len(args)):] }
