module example.com/outer/inner
