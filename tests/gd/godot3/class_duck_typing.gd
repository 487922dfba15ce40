extends SceneTree

class Duck:
	func speak():
		return "quack"

class Robot:
	func speak():
		return "beep"
	func charge():
		return "charging"

class Rock:
	var weight = 10

func _init():
	for thing in [Duck.new(), Robot.new(), Rock.new()]:
		if thing.has_method("speak"):
			print(thing.speak())
		else:
			print("silent, weight ", thing.get("weight"))
		if thing.has_method("charge"):
			print(thing.call("charge"))
	quit()
