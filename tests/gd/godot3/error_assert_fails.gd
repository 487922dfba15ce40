extends SceneTree

func check(value):
	assert(value > 0, "value must be positive")
	print("checked ", value)
	return value

func check_plain(value):
	assert(value != null)
	return "ok"

func _init():
	print(check(1))
	print(check(-1))
	print(check_plain(null))
	print("end")
	quit()
