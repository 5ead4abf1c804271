module example.com/cgo
