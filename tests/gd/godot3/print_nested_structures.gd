extends SceneTree

func _init():
	var tree = {"name": "root", "children": [{"name": "a", "children": []}, {"name": "b", "children": [{"name": "c"}]}]}
	print(tree)
	print(to_json(tree))
	var grid = []
	for y in 3:
		var row = []
		for x in 3:
			row.append(x * y)
		grid.append(row)
	print(grid)
	var mixed = [Vector2(1, 1), [Vector3(1, 2, 3)], {"c": Color(0, 0, 0)}, PoolIntArray([1])]
	print(mixed)
	var self_ref = [1]
	self_ref.append(self_ref)
	print(self_ref)
	var d = {}
	d["me"] = d
	print(d)
	self_ref.clear()
	d.clear()
	quit()
