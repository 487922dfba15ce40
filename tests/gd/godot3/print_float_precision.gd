extends SceneTree

func _init():
	var values = [0.1, 0.123456789, 1234567.891, 12345678.9, 0.0000012345, 99999.95, 999999.5, 1.0e6, 1.0e-6, 5e-7, 123e10, 0.1 * 3, 1.1 * 1.1, 2.0 / 7, 1e100]
	for v in values:
		print(v, " ", str(v), " ", [v], " ", String(v))
	print(Vector2(0.123456789, 1234567.891))
	print(Color(0.1234567, 1, 1, 1))
	quit()
