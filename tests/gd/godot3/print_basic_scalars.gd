extends SceneTree

func _init():
	print(1)
	print(-42)
	print(true, false)
	print(null)
	print("text")
	print("a", 1, 2.5, null, true)
	print()
	print("")
	print(9223372036854775807)
	print(-9223372036854775807 - 1)
	quit()
