extends SceneTree

func move(v):
	v.x += 10
	return v

func _init():
	var v1 = Vector2(1, 2)
	var v2 = v1
	v2.x = 5
	print(v1, " ", v2)
	var moved = move(v1)
	print(v1, " ", moved)
	var arr = [Vector3(1, 1, 1)]
	var item = arr[0]
	item.z = 7
	print(arr, " ", item)
	arr[0].y = 3
	print(arr)
	var r = Rect2(0, 0, 2, 2)
	var r2 = r
	r2.position.x = 4
	print(r, " ", r2)
	var c = Color(1, 1, 1)
	var c2 = c
	c2.r = 0
	print(c, " ", c2)
	var t = Transform2D()
	var t2 = t
	t2.origin = Vector2(3, 3)
	print(t.origin, " ", t2.origin)
	var d = {"v": Vector2()}
	d["v"].x = 8
	print(d)
	quit()
