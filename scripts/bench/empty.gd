extends SceneTree
# Nothing but start-up and shut-down.


func _init():
	quit()
