extends SceneTree

func _init():
	var t = Transform2D()
	t = t.translated(Vector2(10, 0))
	print(t, " ", t.origin)
	var r = Transform2D(PI, Vector2())
	print(r.xform(Vector2(1, 0)).round(), " ", r.get_rotation())
	var s = Transform2D().scaled(Vector2(2, 3))
	print(s.get_scale(), " ", s.xform(Vector2(1, 1)), " ", s.affine_inverse().xform(Vector2(2, 3)))
	var combined = t * s
	print(combined.xform(Vector2(1, 1)), " ", (s * t).xform(Vector2(1, 1)))
	var t3 = Transform().translated(Vector3(1, 2, 3))
	print(t3.origin, " ", t3.xform(Vector3(1, 1, 1)), " ", t3.basis)
	var b = Basis().rotated(Vector3.UP, PI / 2)
	print(b.xform(Vector3(1, 0, 0)).snapped(Vector3(0.001, 0.001, 0.001)))
	print(Transform2D.IDENTITY == Transform2D(), " ", Transform2D.FLIP_X)
	quit()
