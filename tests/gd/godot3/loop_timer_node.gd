extends SceneTree

var fired = 0
var timer

func on_timeout():
	fired += 1
	print("timeout ", fired)
	if fired == 3:
		timer.stop()
		print("stopped: ", timer.is_stopped())
		quit()

func _init():
	timer = Timer.new()
	timer.wait_time = 0.05
	timer.one_shot = false
	timer.autostart = true
	timer.connect("timeout", self, "on_timeout")
	root.add_child(timer)
	print("timer added, wait ", timer.wait_time, " one shot ", timer.one_shot)
