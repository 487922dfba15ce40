extends SceneTree

func _init():
	for v in [-3, -1, 0, 4, 5, 12]:
		printraw(wrapi(v, 0, 5), " ")
	print()
	for v in [-1.5, 0.0, 2.5, 5.0, 7.25]:
		printraw(wrapf(v, 0.0, 5.0), " ")
	print()
	print(wrapi(7, 2, 2), " ", wrapf(1.0, 3.0, 3.0), " ", wrapi(-7, -3, 3))
	print(fmod(5.5, 2), " ", fmod(-5.5, 2), " ", fposmod(-5.5, 2), " ", posmod(-5, 3), " ", posmod(5, -3))
	print(nearest_po2(3), " ", nearest_po2(16), " ", nearest_po2(17), " ", nearest_po2(0))
	print(db2linear(0), " ", linear2db(1), " ", linear2db(0.5))
	print(step_decimals(0.125), " ", step_decimals(1.0), " ", stepify(0.333, 0.1))
	quit()
