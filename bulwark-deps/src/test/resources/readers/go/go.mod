module example.com/orders

go 1.22

toolchain go1.22.1

require (
	github.com/aws/aws-lambda-go v1.46.0
	github.com/google/uuid v1.6.0
	golang.org/x/net v0.17.0 // indirect
	example.com/internal/shared v0.0.0-00010101000000-000000000000
)

require github.com/aws/aws-sdk-go-v2 v1.25.0

replace example.com/internal/shared => ../shared

replace golang.org/x/net v0.17.0 => golang.org/x/net v0.23.0

exclude github.com/google/uuid v1.6.0
