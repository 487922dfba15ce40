extends SceneTree

func divide(a, b):
	var q = a / b
	print("quotient ", q)
	return q

func modulo(a, b):
	return a % b

func _init():
	print(divide(7, 2))
	print(divide(7, 0))
	print("after int division")
	print(divide(7.0, 0))
	print(divide(-1.0, 0.0))
	print(divide(0.0, 0))
	print(modulo(7, 0))
	print(fmod(7, 0))
	print(Vector2(1, 1) / 0)
	print(divide(Vector2(2, 4), 2))
	print("end")
	quit()
