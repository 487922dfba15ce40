extends SceneTree

class Player:
	var health = 100 setget set_health, get_health
	var log_lines = []

	func set_health(value):
		log_lines.append("set %s" % value)
		health = clamp(value, 0, 100)

	func get_health():
		log_lines.append("get")
		return health

	func damage_direct(n):
		health -= n

	func damage_self(n):
		self.health -= n

var watched = 1 setget set_watched

func set_watched(v):
	print("setter got ", v)
	watched = v

func _init():
	var p = Player.new()
	p.health = 150
	print(p.health)
	p.damage_direct(30)
	print(p.health)
	p.damage_self(30)
	print(p.health)
	p.set("health", -5)
	print(p.get("health"))
	print(p.log_lines)
	watched = 5
	self.watched = 6
	print(watched)
	quit()
