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

// handles maps the numbers the glue keeps on each object to core values.
// User entries are released when the glue's FinalizationRegistry sees
// their object collected. The current user's object is also held here
// (current), since gotrue-js's singleton keeps it alive.
type handles struct {
	mu      sync.Mutex
	next    int
	clients map[int]*clientRef
	users   map[int]*userRef
	apis    map[*gotrue.API]safejs.Value

	currentRef *userRef
	currentObj safejs.Value
}

var reg = &handles{clients: map[int]*clientRef{}, users: map[int]*userRef{}, apis: map[*gotrue.API]safejs.Value{}}

func (h *handles) addClient(c *gotrue.Client) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.next++
	h.clients[h.next] = &clientRef{c: c}
	return h.next
}

func (h *handles) addUser(u *gotrue.User) (int, *userRef) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.next++
	ref := &userRef{u: u}
	h.users[h.next] = ref
	return h.next, ref
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

func (h *handles) release(id safejs.Value) {
	n, err := id.Int()
	if err != nil {
		return
	}
	h.mu.Lock()
	delete(h.users, n)
	h.mu.Unlock()
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
func (h *handles) counts() (clients, users int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients), len(h.users)
}
