//go:build js && wasm

package main

import (
	"sync"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/hack-pad/safejs"
)

// clientRef is a GoTrue instance's core client, and the version of its
// API headers last copied to api.defaultHeaders.
type clientRef struct {
	c      *gotrue.Client
	apiVer uint64
}

// userRef is a User object's core user, and what was last copied to it.
type userRef struct {
	u   *gotrue.User
	tok *gotrue.Token
	ver uint64
}

// apiRef is an API object Go made or was handed, the core API behind it,
// and how many live GoTrue and User handles use it.
type apiRef struct {
	id   int
	api  *gotrue.API
	obj  safejs.Value // undefined until the object exists
	refs int
}

// handles maps the numbers the glue keeps on each object to core values.
// GoTrue and User entries are released when the glue's
// FinalizationRegistry sees their object collected; an API entry lives as
// long as a GoTrue or User entry uses it, since Go holds its object. The
// current user's object is also held here (current), since gotrue-js's
// singleton keeps it alive.
type handles struct {
	mu      sync.Mutex
	next    int
	clients map[int]*clientRef
	users   map[int]*userRef
	apis    map[*gotrue.API]*apiRef
	apiIDs  map[int]*apiRef

	currentRef *userRef
	currentObj safejs.Value
}

var reg = &handles{clients: map[int]*clientRef{}, users: map[int]*userRef{}, apis: map[*gotrue.API]*apiRef{}, apiIDs: map[int]*apiRef{}}

func (h *handles) addClient(c *gotrue.Client) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.next++
	id := h.next
	h.clients[id] = &clientRef{c: c}
	h.retainAPI(c.API())
	return id
}

func (h *handles) addUser(u *gotrue.User) (int, *userRef) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.next++
	id, ref := h.next, &userRef{u: u}
	h.users[id] = ref
	h.retainAPI(u.API())
	return id, ref
}

// retainAPI counts one more handle using a; h.mu is held.
func (h *handles) retainAPI(a *gotrue.API) {
	ref := h.apis[a]
	if ref == nil {
		h.next++
		ref = &apiRef{id: h.next, api: a, obj: safejs.Undefined()}
		h.apis[a], h.apiIDs[ref.id] = ref, ref
	}
	ref.refs++
}

// releaseAPI counts one handle less using a, and forgets a when none is
// left; h.mu is held.
func (h *handles) releaseAPI(a *gotrue.API) {
	ref := h.apis[a]
	if ref == nil {
		return
	}
	if ref.refs--; ref.refs <= 0 {
		delete(h.apis, a)
		delete(h.apiIDs, ref.id)
	}
}

// apiRef returns the entry of a core API that a handle uses, or nil.
func (h *handles) apiRef(a *gotrue.API) *apiRef {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.apis[a]
}

// hold keeps the entry of a, with obj as its object, while the caller
// works with it; the caller then calls drop.
func (h *handles) hold(a *gotrue.API, obj safejs.Value) *apiRef {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.retainAPI(a)
	ref := h.apis[a]
	ref.obj = obj
	return ref
}

// drop ends a hold.
func (h *handles) drop(a *gotrue.API) {
	h.mu.Lock()
	h.releaseAPI(a)
	h.mu.Unlock()
}

// apiByID finds the core API of an API object by the handle the glue keeps
// on it.
func (h *handles) apiByID(id safejs.Value) (*gotrue.API, bool) {
	n, err := id.Int()
	if err != nil || typeOf(id) != safejs.TypeNumber {
		return nil, false
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	ref, ok := h.apiIDs[n]
	if !ok {
		return nil, false
	}
	return ref.api, true
}

func (h *handles) client(id safejs.Value) (*clientRef, bool) {
	n, err := id.Int()
	h.mu.Lock()
	defer h.mu.Unlock()
	c, ok := h.clients[n]
	return c, ok && err == nil
}

func (h *handles) user(id safejs.Value) (*userRef, bool) {
	n, err := id.Int()
	h.mu.Lock()
	defer h.mu.Unlock()
	u, ok := h.users[n]
	return u, ok && err == nil
}

// release forgets the GoTrue or User entry id, whose object the page has
// collected, and the API entry it was the last to use.
func (h *handles) release(id safejs.Value) {
	if n, err := id.Int(); err == nil {
		h.releaseID(n)
	}
}

func (h *handles) releaseID(n int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if u, ok := h.users[n]; ok {
		delete(h.users, n)
		h.releaseAPI(u.u.API())
	}
	if c, ok := h.clients[n]; ok {
		delete(h.clients, n)
		h.releaseAPI(c.c.API())
	}
}

// current returns the object of u when it is the tracked current user.
func (h *handles) current(u *gotrue.User) (safejs.Value, *userRef, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if u == nil || h.currentRef == nil || h.currentRef.u != u {
		return safejs.Undefined(), nil, false
	}
	return h.currentObj, h.currentRef, true
}

// setCurrent tracks the object of the realm's current user (nil: none).
func (h *handles) setCurrent(ref *userRef, obj safejs.Value) {
	h.mu.Lock()
	h.currentRef, h.currentObj = ref, obj
	h.mu.Unlock()
}

// counts reports live handles, for leak tests.
func (h *handles) counts() (clients, users, apis int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients), len(h.users), len(h.apis)
}
