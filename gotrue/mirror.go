package gotrue

// mirror is told of each change the client makes to the state gotrue-js
// keeps in visible properties, as it makes it, so that a binding can make
// the same change to the objects page code holds (the browser build's
// objects are the state; see Bindings). Every API has one; users share
// their API's.
type mirror interface {
	// HeaderSet is api.defaultHeaders[name] = value.
	HeaderSet(name, value string)
	// UserStarted is `new User(api, tokenResponse, audience)` inside a
	// flow (login, verify): u, holding tok, is now the current user.
	UserStarted(u *User, tok *Token)
	// TokenSet is user.token = tok; nil is null (a cleared session).
	TokenSet(u *User, tok *Token)
	// FieldsMerged is _saveUserData(attrs): each key assigned in order.
	FieldsMerged(u *User, attrs Object)
	// CurrentCleared is the module's current user set to null.
	CurrentCleared()
}

// noMirror is the mirror of a Go program's API: nothing to update.
type noMirror struct{}

func (noMirror) HeaderSet(string, string)   {}
func (noMirror) UserStarted(*User, *Token)  {}
func (noMirror) TokenSet(*User, *Token)     {}
func (noMirror) FieldsMerged(*User, Object) {}
func (noMirror) CurrentCleared()            {}
