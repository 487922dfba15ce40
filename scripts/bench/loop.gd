extends SceneTree
# A 3,000,000-iteration loop with `%` and branches: the interpreter's loop cost.


func _init():
	var total = 0
	var odd = 0
	for i in range(3000000):
		var r = i % 7
		if r == 0:
			total += i
		elif r < 3:
			total -= r
		else:
			total += 1
		if i % 2 == 1:
			odd += 1
	print("checksum: ", total, " ", odd)
	quit()
