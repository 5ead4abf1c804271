module example.com/mentions
