extends SceneTree

func _init():
	for v in [2.5, -2.5, 1.4, -1.6, 0.5, -0.5, 3, -0.0]:
		print(v, ": abs=", abs(v), " sign=", sign(v), " floor=", floor(v), " ceil=", ceil(v), " round=", round(v))
	print(stepify(7.3, 2), " ", stepify(-7.3, 0.5), " ", stepify(1.2345, 0.01), " ", stepify(5, 0))
	print(typeof(abs(-3)), " ", typeof(floor(2.5)), " ", typeof(sign(-4)))
	print(abs(-9223372036854775807), " ", sign(0), " ", sign(0.0))
	quit()
