extends SceneTree

func _init():
	print(typeof(min(1, 2)), " ", typeof(min(1, 2.0)), " ", typeof(max(1.0, 2)), " ", typeof(clamp(5, 0, 10)))
	print(min(1, 2.0), " ", max(1.0, 2), " ", clamp(5, 0, 2.5))
	print(abs(-5), " ", typeof(abs(-5)), " ", abs(-5.5), " ", sign(-5), " ", typeof(sign(-5.0)))
	print(floor(5), " ", typeof(floor(5)), " ", ceil(5.1), " ", round(5.5))
	print(int(floor(-5.5)), " ", int(ceil(-5.5)))
	print(sqrt(9), " ", typeof(sqrt(9)), " ", pow(3, 2), " ", typeof(pow(3, 2)))
	quit()
