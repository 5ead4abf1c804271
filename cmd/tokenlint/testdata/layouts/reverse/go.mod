module example.com/reverse
