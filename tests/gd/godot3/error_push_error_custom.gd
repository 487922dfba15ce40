extends SceneTree

func validate(x):
	if x < 0:
		push_error("negative value: %d" % x)
		return false
	if x > 100:
		push_warning("large value: %d" % x)
	return true

func _init():
	print(validate(5))
	print(validate(-3))
	print(validate(500))
	printerr("custom printerr ", 1, " ", [2])
	print("end")
	quit()
