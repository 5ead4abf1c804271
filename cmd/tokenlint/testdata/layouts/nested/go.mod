module example.com/outer
