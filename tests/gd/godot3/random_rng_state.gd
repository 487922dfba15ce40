extends SceneTree

func _init():
	var rng = RandomNumberGenerator.new()
	rng.seed = 1
	var a = rng.randi()
	rng.seed = 1
	var b = rng.randi()
	print(a == b, " ", a)
	rng.seed = 123456789012345
	print(rng.randi(), " ", rng.randi_range(-5, 5), " ", rng.randi_range(5, -5))
	rng.seed = 0
	print(rng.randi(), " ", rng.randf())
	var dice = {}
	rng.seed = 77
	for i in 600:
		var roll = rng.randi_range(1, 6)
		dice[roll] = dice.get(roll, 0) + 1
	var keys = dice.keys()
	keys.sort()
	for k in keys:
		printraw(k, ":", dice[k], " ")
	print()
	quit()
