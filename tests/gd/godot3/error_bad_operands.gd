extends SceneTree

func add(a, b):
	return a + b

func mul(a, b):
	return a * b

func less(a, b):
	return a < b

func equal(a, b):
	return a == b

func less_equal(a, b):
	return a <= b

func _init():
	print(add(1, 2))
	print(add("a", "b"))
	print(add("a", 1))
	print(add([1], [2]))
	print(add({}, {}))
	print(mul("ab", 3))
	print(mul([1], 2))
	print(add(null, 1))
	print(less("a", 1))
	print(less(1, 2.5))
	print(add(Vector2(1, 1), 1))
	print(mul(Vector2(1, 2), 3))
	print(add(true, 1))
	print(less(false, true), " ", less_equal(false, true))
	print(equal(1, "1"), " ", equal([1], [1]), " ", equal(null, 0), " ", equal(1, 1.0))
	print("end")
	quit()
