extends Reference

const LIMIT = 3

static func twice(x):
	return x * 2

var count = 0

func bump():
	count += 1
	return count
