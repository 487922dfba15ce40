extends SceneTree
# Method calls on script objects and inner classes.


class Counter:
	var value = 0

	func add(n):
		value += n
		return value


class Point:
	var x = 0
	var y = 0

	func _init(px, py):
		x = px
		y = py

	func dot(other):
		return x * other.x + y * other.y


func twice(n):
	return n * 2


func _init():
	var counter = Counter.new()
	var p = Point.new(3, 4)
	var q = Point.new(5, 6)
	var acc = 0
	for i in range(300000):
		counter.add(i % 8)
		acc += p.dot(q) + twice(i % 4)
	print("checksum: ", counter.value, " ", acc)
	quit()
