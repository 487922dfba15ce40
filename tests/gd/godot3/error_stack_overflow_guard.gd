extends SceneTree

func countdown(n):
	if n == 0:
		return 0
	return 1 + countdown(n - 1)

func _init():
	print(countdown(100))
	print(countdown(1000))
	quit()
