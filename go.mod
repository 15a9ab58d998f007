module github.com/gotrue-wasm/gotrue-wasm

go 1.26.8

require (
	github.com/andybalholm/brotli v1.2.0
	github.com/golang-jwt/jwt/v5 v5.3.1
	github.com/google/uuid v1.6.0
	github.com/hack-pad/safejs v0.1.0
	github.com/stretchr/testify v1.12.1
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect
