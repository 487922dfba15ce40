extends SceneTree

func read(container, index):
	var v = container[index]
	print("read ", v)
	return v

func write(container, index, value):
	container[index] = value
	print("wrote")

func _init():
	var a = [10, 20, 30]
	print(read(a, 2))
	print(read(a, 3))
	print(read(a, -1))
	print(read(a, -4))
	write(a, 5, 1)
	print(a)
	var d = {"k": 1}
	print(read(d, "k"))
	print(read(d, "missing"))
	print(read("abc", 1))
	print(read("abc", 7))
	print(read(PoolIntArray([1, 2]), 2))
	print(read(Vector2(1, 2), 2))
	print("end")
	quit()
