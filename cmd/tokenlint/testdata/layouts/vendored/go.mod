module example.com/vendored
