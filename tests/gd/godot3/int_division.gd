extends SceneTree

func _init():
	print(7 / 2, " ", -7 / 2, " ", 7 / -2, " ", -7 / -2)
	print(7 % 3, " ", -7 % 3, " ", 7 % -3, " ", -7 % -3)
	print(7.0 / 2, " ", 7 / 2.0, " ", -7.0 / 2)
	print(1 / 3, " ", 1.0 / 3)
	print(fmod(-7, 3), " ", fposmod(-7, 3), " ", posmod(-7, 3))
	print(fmod(7.5, 2), " ", fposmod(-7.5, 2))
	var a = 10
	a /= 4
	print(a)
	var b = 10.0
	b /= 4
	print(b)
	a = 17
	a %= 5
	print(a)
	quit()
