extends SceneTree

func _init():
	var a = [0, 1, 2, 3, 4, 5]
	print(a.slice(1, 3))
	print(a.slice(0, 0))
	print(a.slice(2, 100))
	print(a.slice(4, 1))
	print(a.slice(0, 5, 2))
	print(a.slice(-3, -1))
	print(a.slice(5, 0, -1))
	var nested = [[1, 2], {"k": [3]}]
	var shallow = nested.duplicate()
	var deep = nested.duplicate(true)
	nested[0].append(99)
	nested[1]["k"].append(4)
	print(shallow)
	print(deep)
	print(nested.slice(0, 0, 1, true))
	quit()
