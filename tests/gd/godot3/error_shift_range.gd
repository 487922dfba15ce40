extends SceneTree

func shift_left(value, count):
	var result = value << count
	print("shifted ", result)
	return result

func shift_right(value, count):
	return value >> count

func _init():
	print(shift_left(1, 62))
	print(shift_left(1, 64))
	print(shift_left(1, -1))
	print(shift_right(-8, 1))
	print(shift_right(8, 64))
	print("end")
	quit()
