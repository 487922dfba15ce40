extends SceneTree

func _init():
	print(9223372036854775807)
	print(-9223372036854775808)
	print(9223372036854775808)
	print(0xFFFFFFFFFFFFFFFF)
	quit()
