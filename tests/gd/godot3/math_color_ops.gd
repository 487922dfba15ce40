extends SceneTree

func _init():
	var c = Color(0.5, 0.25, 1.0)
	print(c + Color(0.1, 0.1, 0.1, 0), " ", c * 2, " ", c * Color(2, 2, 2, 1), " ", c / 2)
	print(c.linear_interpolate(Color(1, 1, 1), 0.5), " ", c.blend(Color(1, 0, 0, 0.5)))
	print(c.darkened(0.5), " ", c.contrasted())
	print(Color.from_hsv(0.5, 1, 1), " ", Color.white, " ", Color.transparent)
	print(c.to_argb32(), " ", Color8(10, 20, 30, 40), " ", ColorN("red"))
	print(c == Color(0.5, 0.25, 1.0, 1.0), " ", c.r8 if c.r8 else 0, " ", c.b8)
	quit()
