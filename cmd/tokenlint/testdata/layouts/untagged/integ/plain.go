package integ
