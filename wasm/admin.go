//go:build js && wasm

package main

import (
	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/hack-pad/safejs"
)

// adminWork resolves an admin call's raw server JSON.
func adminWork(call func(ctx gotrue.Context) ([]byte, error), ref *userRef, obj safejs.Value) work {
	return func(ctx gotrue.Context) (any, error) {
		raw, err := call(ctx)
		_ = mirror(obj, ref)
		return jsonResult(raw, err)
	}
}

// userIDArg is `${user.id}` for the admin methods' user argument.
func userIDArg(args []safejs.Value, i int, method string) (string, error) {
	u := arg(args, i)
	if !isObject(u) {
		return "", argErr("admin." + method + ": user must be an object with an id, not " + typeName(u))
	}
	id, err := getProp(u, "id")
	if err != nil {
		return "", err
	}
	return jsString(id), nil
}

func listUsers(args []safejs.Value) (work, error) {
	ref, obj, err := userArg(args, "admin.listUsers")
	if err != nil {
		return nil, err
	}
	aud := ""
	if v := arg(args, 2); truthy(v) {
		aud = jsString(v)
	}
	return adminWork(func(ctx gotrue.Context) ([]byte, error) { return ref.u.Admin().ListUsers(ctx, aud) }, ref, obj), nil
}

func getUser(args []safejs.Value) (work, error) {
	ref, obj, err := userArg(args, "admin.getUser")
	if err != nil {
		return nil, err
	}
	id, err := userIDArg(args, 2, "getUser")
	if err != nil {
		return nil, err
	}
	return adminWork(func(ctx gotrue.Context) ([]byte, error) { return ref.u.Admin().GetUser(ctx, id) }, ref, obj), nil
}

func updateUser(args []safejs.Value) (work, error) {
	ref, obj, err := userArg(args, "admin.updateUser")
	if err != nil {
		return nil, err
	}
	id, err := userIDArg(args, 2, "updateUser")
	if err != nil {
		return nil, err
	}
	body, err := jsonArg(arg(args, 3))
	if err != nil {
		return nil, err
	}
	return adminWork(func(ctx gotrue.Context) ([]byte, error) { return ref.u.Admin().UpdateUser(ctx, id, body) }, ref, obj), nil
}

// adminCreateUser sets email and password on the caller's attributes
// object before sending it, as gotrue-js does.
func adminCreateUser(args []safejs.Value) (work, error) {
	ref, obj, err := userArg(args, "admin.createUser")
	if err != nil {
		return nil, err
	}
	attrs := arg(args, 4)
	if !isObject(attrs) {
		return nil, argErr("admin.createUser: attributes must be an object, not " + typeName(attrs))
	}
	if err := setProp(attrs, "email", arg(args, 2)); err != nil {
		return nil, err
	}
	if err := setProp(attrs, "password", arg(args, 3)); err != nil {
		return nil, err
	}
	body, err := jsonArg(attrs)
	if err != nil {
		return nil, err
	}
	return adminWork(func(ctx gotrue.Context) ([]byte, error) { return ref.u.Admin().CreateUserJSON(ctx, body) }, ref, obj), nil
}

func deleteUser(args []safejs.Value) (work, error) {
	ref, obj, err := userArg(args, "admin.deleteUser")
	if err != nil {
		return nil, err
	}
	id, err := userIDArg(args, 2, "deleteUser")
	if err != nil {
		return nil, err
	}
	return adminWork(func(ctx gotrue.Context) ([]byte, error) { return ref.u.Admin().DeleteUser(ctx, id) }, ref, obj), nil
}
