extends SceneTree

func _init():
	var a: Array = [1, 2]
	var b = Array([1, 2])
	print(a == b, " ", a.hash() == b.hash())
	print([1, [2]] == [1, [2]], " ", [1, {"k": 1}] == [1, {"k": 1}])
	print([Vector2(1, 1)] == [Vector2(1, 1)], " ", ["a"] == ["a"], " ", [1] == [1.0])
	var nested = [[1, 2], [3, 4]]
	var copy = nested.duplicate()
	print(copy == nested, " ", copy[0] == nested[0])
	copy[0] = [9]
	print(nested, " ", copy)
	print([] == [], " ", [null] == [null], " ", [1, 2] != [2, 1])
	quit()
