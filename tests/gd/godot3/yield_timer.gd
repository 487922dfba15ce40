extends SceneTree

func _init():
	print("start")
	run()
	print("_init returns")

func run():
	yield(create_timer(0.1), "timeout")
	print("after first timer")
	yield(create_timer(0.05), "timeout")
	print("after second timer")
	yield(self, "idle_frame")
	print("after idle frame")
	quit()
