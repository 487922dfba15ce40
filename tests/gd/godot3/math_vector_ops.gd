extends SceneTree

func _init():
	var a = Vector2(3, 4)
	var b = Vector2(1, -2)
	print(a + b, " ", a - b, " ", a * b, " ", a / b, " ", a * 2, " ", -a)
	print(a.length(), " ", a.length_squared(), " ", a.normalized(), " ", a.dot(b), " ", a.cross(b))
	print(a.distance_to(b), " ", a.angle(), " ", a.abs(), " ", b.abs(), " ", a.floor())
	print(Vector2(1.5, -1.5).round(), " ", Vector2(1.5, -1.5).ceil(), " ", a.linear_interpolate(b, 0.5))
	print(a.rotated(PI / 2), " ", a.tangent(), " ", a.x, " ", a[1])
	var v = Vector3(1, 2, 3)
	var w = Vector3(4, 5, 6)
	print(v.cross(w), " ", v.dot(w), " ", v.length(), " ", v * w, " ", v / 2)
	print(v.normalized(), " ", v.distance_to(w), " ", v.max_axis(), " ", v.min_axis())
	print(Vector2.ZERO, " ", Vector2.ONE, " ", Vector2.UP, " ", Vector3.FORWARD, " ", Vector3.UP)
	print(a == Vector2(3, 4), " ", a != b, " ", a < Vector2(3, 5))
	quit()
