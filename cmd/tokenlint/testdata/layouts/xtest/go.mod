module example.com/xtest
