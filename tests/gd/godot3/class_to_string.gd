extends SceneTree

class Money:
	var cents
	func _init(c):
		cents = c
	func _to_string():
		return "$%d.%02d" % [cents / 100, cents % 100]

func _init():
	var m = Money.new(1234)
	print(m)
	print(str(m), " ", [m], " ", {"price": m})
	print("cost: " + str(m))
	print("%s" % m)
	prints(m, Money.new(5))
	printt(m, m)
	print(var2str(m.cents))
	quit()
