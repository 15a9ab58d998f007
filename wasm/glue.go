//go:build js && wasm

package main

import (
	"errors"

	"github.com/hack-pad/safejs"
)

// glueRefs are the functions js/src/glue.js hands the bridge: the answers
// of refreshes sent before Go ran, the HTTP errors and which errors got no
// answer (D8), awaiting a Promise, the session storage, the adapters of
// fetch and of the page's objects (get, set, delete and apply, as
// JavaScript's expressions do them), and the library's own steps
// (pristine), which a flow runs in Go while page code has not replaced
// them.
type glueRefs struct {
	httpError, jsonHTTPError, unanswered, early, await, store safejs.Value
	fetch, get, set, del, apply, str                          safejs.Value
	user                                                      safejs.Value // the User class
}

var glue glueRefs

// pristine are the library's own steps.
var pristine struct {
	request            safejs.Value // API.prototype.request
	clientRequest      safejs.Value // GoTrue.prototype._request
	verify             safejs.Value // GoTrue.prototype.verify
	userRequest        safejs.Value // User.prototype._request
	getUserData        safejs.Value // User.prototype.getUserData
	removeSavedSession safejs.Value // User.removeSavedSession
}

func loadGlue(g safejs.Value) error {
	for _, ref := range []valueRef{
		{"httpError", &glue.httpError}, {"JSONHTTPError", &glue.jsonHTTPError}, {"early", &glue.early},
		{"await", &glue.await}, {"fetch", &glue.fetch}, {"get", &glue.get}, {"set", &glue.set},
		{"del", &glue.del}, {"apply", &glue.apply}, {"unanswered", &glue.unanswered}, {"str", &glue.str}, {"User", &glue.user},
		{"clientRequest", &pristine.clientRequest}, {"verify", &pristine.verify}, {"userRequest", &pristine.userRequest},
		{"getUserData", &pristine.getUserData}, {"removeSavedSession", &pristine.removeSavedSession}, {"request", &pristine.request},
	} {
		v, err := g.Get(ref.name)
		if err != nil || typeOf(v) != safejs.TypeFunction {
			return errors.New("glue." + ref.name + " is missing")
		}
		*ref.dst = v
	}
	store, err := g.Get("store")
	if err != nil || !isObject(store) {
		return errors.New("glue.store is missing")
	}
	glue.store = store
	return nil
}
