extends SceneTree

const Counter = preload("res://counter_lib.helper.gd")

func _init():
	var c = Counter.new()
	c.bump()
	c.bump()
	print(c.count, " ", Counter.LIMIT, " ", Counter.twice(21))
	var loaded = load("res://counter_lib.helper.gd")
	print(loaded == Counter)
	var other = loaded.new()
	print(other.bump(), " ", c.bump())
	print(other.get_script() == Counter, " ", other is Counter)
	print(Counter.resource_path)
	print(c.get_script().resource_path.get_file())
	quit()
