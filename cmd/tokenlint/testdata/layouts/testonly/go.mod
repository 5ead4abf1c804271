module example.com/testonly
