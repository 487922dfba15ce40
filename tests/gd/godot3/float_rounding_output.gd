extends SceneTree

func _init():
	print(0.1 + 0.7, " ", (0.1 + 0.7) * 10, " ", int((0.1 + 0.7) * 10))
	print(1.005 * 1000, " ", round(1.005 * 100) / 100)
	print(stepify(2.675, 0.01), " ", "%.2f" % 2.675, " ", "%.2f" % 1.005)
	print(3.0 * 1.1, " ", 100.0 / 3.0, " ", 1.0 - 0.9)
	print(sqrt(2) * sqrt(2), " ", sqrt(2) * sqrt(2) == 2)
	print(float(1) / 7 * 7, " ", 0.1 * 0.1)
	print(1e6 + 0.1, " ", 1e7 + 0.1, " ", 123456.7, " ", 1234567.8)
	print(floor(-0.5), " ", ceil(-0.5), " ", round(-0.4))
	quit()
