extends SceneTree

var frame = 0

func _idle(_delta):
	frame += 1

func worker(name, waits):
	for i in waits:
		yield(self, "idle_frame")
	print(name, " resumed after ", waits, " idle frames")

func _init():
	worker("slow", 3)
	worker("fast", 1)
	worker("medium", 2)
	finish()

func finish():
	for i in 5:
		yield(self, "idle_frame")
	print("finishing")
	quit()
