extends SceneTree

func _init():
	print(pow(2, 10), " ", pow(2, 0.5), " ", pow(-2, 3), " ", pow(2, -1))
	print(pow(10, 20), " ", pow(0, 0))
	print(typeof(pow(2, 3)) == TYPE_REAL)
	print(1e3, " ", 1.5e-3, " ", 0.5, " ", 1.0)
	print(0x0, " ", 0xABCDEF)
	print(-2147483648, " ", 2147483647 + 1)
	print(typeof(1), " ", typeof(1.0), " ", typeof(1e3))
	print(5 * 1.0, " ", 2 + 0.5, " ", 10 - 10.0)
	quit()
